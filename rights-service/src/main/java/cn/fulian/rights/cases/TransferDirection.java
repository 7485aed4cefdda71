package cn.fulian.rights.cases;

import cn.fulian.rights.codes.Labelled;

/** Down to a direct child unit (交办) or up to the parent unit (上报). */
public enum TransferDirection implements Labelled {
    DOWN("交办"),
    UP("上报");

    private final String label;

    TransferDirection(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
