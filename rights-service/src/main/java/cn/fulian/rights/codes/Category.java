package cn.fulian.rights.codes;

/** What the complaint is about, in the categories the federation reports on. */
public enum Category implements Labelled {
    MARRIAGE_FAMILY("婚姻家庭"),
    DOMESTIC_VIOLENCE("家庭暴力"),
    PERSONAL_RIGHTS("人身权利"),
    PROPERTY_RIGHTS("财产权益（含土地权益）"),
    LABOUR_SOCIAL_SECURITY("劳动和社会保障"),
    CHILDREN("儿童权益"),
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
