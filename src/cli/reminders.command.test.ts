import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Mailer, OutgoingMail } from '../platform/infra/mailer.js';
import { runRemindersCommand } from './reminders.command.js';
import type { Io } from './output.js';

function capture(): Io & { text: () => string } {
  let out = '';
  return {
    out: (t) => (out += t),
    err: (t) => (out += t),
    interactive: false,
    text: () => out,
  };
}

describe('prongsai reminders send', () => {
  it('says that e-mail is off without SMTP_URL and exits 0', async () => {
    const io = capture();
    const config = loadConfig({ DATABASE_URL: ':memory:' });
    expect(await runRemindersCommand(['send'], io, { config })).toBe(0);
    expect(io.text()).toContain('SMTP_URL is not set');
  });

  it('refuses other sub-commands', async () => {
    const io = capture();
    expect(await runRemindersCommand(['list'], io)).toBe(2);
    expect(io.text()).toContain('prongsai reminders send');
  });

  it('sends through the given mailer and reports the count', async () => {
    const io = capture();
    const sent: OutgoingMail[] = [];
    let closed = false;
    const mailer: Mailer = {
      send: async (mail) => {
        sent.push(mail);
      },
      close: () => {
        closed = true;
      },
    };
    const config = loadConfig({ DATABASE_URL: ':memory:', SMTP_URL: 'smtp://localhost:2525' });
    expect(await runRemindersCommand(['send'], io, { config, mailer })).toBe(0);
    expect(io.text()).toContain('sent 0 e-mail(s)');
    expect(sent).toEqual([]);
    expect(closed).toBe(true);
  });

  it('reads SMTP_URL and MAIL_FROM from the settings', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example.org',
      MAIL_FROM: 'ITA <ita@example.org>',
    });
    expect(config.SMTP_URL).toBe('smtps://u:p@mail.example.org');
    expect(config.MAIL_FROM).toBe('ITA <ita@example.org>');
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
