import { createTransport } from 'nodemailer';

/** An e-mail as Prongsai sends it: plain text, UTF-8 (Thai as it is). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; services get one as a parameter, so tests pass a transport that never dials. */
export interface Mailer {
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
}

/** What a mailer needs of a nodemailer transporter (tests wrap jsonTransport/streamTransport). */
export interface MailTransport {
  sendMail: (message: {
    from: string;
    to: string;
    subject: string;
    text: string;
  }) => Promise<unknown>;
  close?: () => void;
}

/** A mailer over a nodemailer transporter, every message from `from`. */
export function createMailer(transport: MailTransport, from: string): Mailer {
  return {
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close?.(),
  };
}

/** A mailer over SMTP (`smtp://user:pass@host:587` or `smtps://…`). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  return createMailer(createTransport(smtpUrl), from);
}
