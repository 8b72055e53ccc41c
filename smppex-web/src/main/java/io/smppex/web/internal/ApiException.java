package io.smppex.web.internal;

/** An error the API answers with a typed JSON body: {@code {"error":{"status":..,"code":..,"message":..}}}. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * Makes one.
     *
     * @param status the HTTP status
     * @param code a stable machine-readable code such as not_found
     * @param message a human-readable explanation
     */
    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The error code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }
}
