package cn.fulian.infra.probe;

/**
 * A local port the platform is about to listen on, with who needs it and the variable that moves it, so that a clash
 * can be reported in words a developer can act on.
 */
public record PortNeed(int port, String owner, String variable) {

    public String inUseMessage() {
        return "Port " + port + " (" + owner + ") is already in use by another program. Stop that program or set "
                + variable + " to a free port.";
    }
}
