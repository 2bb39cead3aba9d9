package cn.tzsw.college.shared;

import java.util.Arrays;

/**
 * A request that breaks a business rule. It carries a message key (and arguments) rather than text, so
 * that each user reads it in their own language; {@code field} names the form field it concerns, if any.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final String field;

    public BusinessRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private BusinessRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
        this.field = field;
    }

    public static BusinessRuleException onField(String field, String messageKey, Object... arguments) {
        return new BusinessRuleException(field, messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public String field() {
        return field;
    }
}
