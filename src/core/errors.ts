/** A message in Thai and English (Thai first). */
export interface Message {
  th: string;
  en: string;
}

/**
 * A typed domain error: a stable code for programs and a plain Thai/English message for people.
 * The HTTP and CLI layers show the message; they never show a stack trace to a user.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly messages: Message;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, messages: Message, details?: Record<string, unknown>) {
    super(messages.en);
    this.name = 'DomainError';
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}
