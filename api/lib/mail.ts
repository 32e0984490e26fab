// Outgoing e-mail, one `sendMail` for every sender (the digests today). In AWS through SES
// (MAIL_TRANSPORT=ses: SendEmail with the function's role), elsewhere through SMTP (SMTP_URL:
// the local server's embedded SMTP server, the test suite's, or any relay). Read from the
// environment when a message is sent, not at import: the local server starts its SMTP server
// and sets SMTP_URL after the modules that send mail may have been loaded.
import { logger } from "./logger.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSettings {
  transport: "ses" | "smtp" | "none";
  from: string;
  smtpUrl?: string;
  /** An SES identity's ARN to send as (cross-account or a domain identity), else the From address's. */
  fromArn?: string;
  /** Where the admin panel is, for the links in a message (no trailing slash). */
  adminUrl: string;
}

const DEFAULT_FROM = "Доступ <noreply@dostup.local>";
const DEFAULT_ADMIN_URL = "http://localhost:4000/admin";

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const chosen = env.MAIL_TRANSPORT?.trim().toLowerCase();
  if (chosen && chosen !== "ses" && chosen !== "smtp")
    throw new Error(`Configuration error: MAIL_TRANSPORT is "ses" or "smtp", got "${env.MAIL_TRANSPORT}".`);
  const transport = chosen === "ses" ? "ses" : env.SMTP_URL ? "smtp" : "none";
  return {
    transport,
    from: env.MAIL_FROM || DEFAULT_FROM,
    smtpUrl: env.SMTP_URL || undefined,
    fromArn: env.MAIL_FROM_ARN || undefined,
    adminUrl: (env.ADMIN_URL || DEFAULT_ADMIN_URL).replace(/\/+$/, ""),
  };
}

/** Mail could not be handed to the server (not configured, refused, unreachable). */
export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
}

type Send = (message: MailMessage, settings: MailSettings) => Promise<string | undefined>;

// One client per process and per address, as with S3 and Prisma: warm Lambdas reuse it. Each
// transport's package is loaded only by the process that uses it.
let ses: Promise<Send> | null = null;
const smtp = new Map<string, Promise<Send>>();

function sesSender(): Promise<Send> {
  ses ??= import("@aws-sdk/client-sesv2").then(({ SESv2Client, SendEmailCommand }) => {
    const client = new SESv2Client({});
    return async (message, settings) => {
      const charset = "UTF-8";
      const answer = await client.send(
        new SendEmailCommand({
          FromEmailAddress: settings.from,
          FromEmailAddressIdentityArn: settings.fromArn,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: charset },
              Body: { Text: { Data: message.text, Charset: charset }, Html: { Data: message.html, Charset: charset } },
            },
          },
        }),
      );
      return answer.MessageId;
    };
  });
  return ses;
}

function smtpSender(url: string): Promise<Send> {
  let sender = smtp.get(url);
  if (!sender) {
    sender = import("nodemailer").then(({ createTransport }) => {
      const transport = createTransport(url);
      return async (message, settings) => {
        const info = await transport.sendMail({ from: settings.from, ...message });
        return info.messageId;
      };
    });
    smtp.set(url, sender);
  }
  return sender;
}

/**
 * Hands a message to SES or the SMTP server; answers its message id. Any failure (not
 * configured, refused, unreachable) is a MailDeliveryError with the server's reason, for the
 * caller to record: nothing is retried here.
 */
export async function sendMail(message: MailMessage, settings = mailSettings()): Promise<string | undefined> {
  try {
    if (settings.transport === "none")
      throw new Error("E-mail is not configured: set SMTP_URL, or MAIL_TRANSPORT=ses with MAIL_FROM.");
    const send = settings.transport === "ses" ? await sesSender() : await smtpSender(settings.smtpUrl ?? "");
    const id = await send(message, settings);
    logger.info({ to: message.to, subject: message.subject, transport: settings.transport, id }, "mail sent");
    return id;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ to: message.to, transport: settings.transport, reason }, "mail not sent");
    throw new MailDeliveryError(reason);
  }
}
