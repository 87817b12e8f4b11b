package io.salesdesk.workflow.notify.channel;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Sends e-mail over SMTP (Jakarta Mail through Eclipse Angus), in UTF-8 so Chinese text arrives intact. */
public final class SmtpSender implements Sender {

    private final Clock clock;
    private final Duration timeout;

    public SmtpSender(Clock clock) {
        this(clock, WebhookSender.DEFAULT_TIMEOUT);
    }

    public SmtpSender(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public SendResult send(Channel channel, Outgoing message) {
        ChannelSettings s = channel.settings();
        if (s.host() == null || s.host().isBlank() || s.port() == null) {
            return SendResult.failed(null, "no SMTP host or port");
        }
        if (message.address() == null || message.address().isBlank()) {
            return SendResult.failed(null, "no recipient address");
        }
        try {
            Session session = Session.getInstance(properties(s));
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(s.from(), true));
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.address(), true));
            mail.setSubject(message.title(), "UTF-8");
            mail.setText(message.body(), "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            boolean login = s.username() != null && !s.username().isBlank();
            try (Transport transport = session.getTransport(s.security() == ChannelSettings.Security.SSL ? "smtps" : "smtp")) {
                transport.connect(s.host(), s.port(), login ? s.username() : null, login ? s.password() : null);
                mail.saveChanges();
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return SendResult.ok(250);
        } catch (AddressException e) {
            return SendResult.failed(null, "invalid address: " + e.getMessage());
        } catch (MessagingException e) {
            return SendResult.failed(returnCode(e), "SMTP: " + describe(e));
        }
    }

    private Properties properties(ChannelSettings s) {
        String protocol = s.security() == ChannelSettings.Security.SSL ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.put(prefix + "host", s.host());
        p.put(prefix + "port", Integer.toString(s.port()));
        p.put(prefix + "auth", Boolean.toString(s.username() != null && !s.username().isBlank()));
        p.put(prefix + "connectiontimeout", Long.toString(timeout.toMillis()));
        p.put(prefix + "timeout", Long.toString(timeout.toMillis()));
        p.put(prefix + "writetimeout", Long.toString(timeout.toMillis()));
        if (s.security() == ChannelSettings.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (s.security() == ChannelSettings.Security.SSL) {
            p.put(prefix + "ssl.enable", "true");
        }
        if (s.security() != ChannelSettings.Security.NONE && s.security() != null) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        p.put("mail.mime.charset", "UTF-8");
        return p;
    }

    /** The SMTP server's reply code, found on the exception or the ones chained to it. */
    private static Integer returnCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException f) {
                return f.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException f) {
                return f.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException f) {
                return f.getReturnCode();
            }
        }
        return null;
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Exception next = e.getNextException();
        if (next != null && next != e) {
            text.append(" (").append(next.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(next.getMessage()).strip()).append(')');
        }
        return text.toString();
    }
}
