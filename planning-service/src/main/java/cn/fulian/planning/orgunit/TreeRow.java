package cn.fulian.planning.orgunit;

/**
 * One unit as a tree file gives it, before any check. {@code row} is where the user finds it: the spreadsheet's row,
 * the CSV line or the line of a YAML entry. In a nested YAML file a unit's parent is the entry around it
 * ({@code parentIndex}, its position in the list of rows); otherwise {@code parentCode} names it, and -1 says so.
 */
record TreeRow(int row, String code, String name, String type, String parentCode, int parentIndex) {

    TreeRow withParentCode(String code) {
        return new TreeRow(row, this.code, name, type, code, parentIndex);
    }
}
