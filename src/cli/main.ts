import { DomainError } from '../core/errors.js';
import { processIo, type Io } from './output.js';

type Run = (rest: string[], io: Io) => number | Promise<number>;

/**
 * Each command is loaded when it is asked for: `prongsai score` on a national file should not
 * carry the web application, the report renderers and the browser driver in memory (importing
 * every command at start-up cost about 200 MB before the first line was read).
 */
const COMMANDS: Record<string, () => Promise<Run>> = {
  framework: async () => (await import('./framework.command.js')).runFrameworkCommand,
  score: async () => (await import('./score.command.js')).runScoreCommand,
  demo: async () => (await import('./demo.command.js')).runDemoCommand,
  serve: async () => (await import('./serve.command.js')).runServeCommand,
  oit: async () => (await import('./oit.command.js')).runOitCommand,
  reminders: async () => (await import('./reminders.command.js')).runRemindersCommand,
  export: async () => (await import('./export.command.js')).runExportCommand,
  audit: async () => (await import('./audit.command.js')).runAuditCommand,
  surveys: async () => (await import('./surveys.command.js')).runSurveysCommand,
  files: async () => (await import('./files.command.js')).runFilesCommand,
  doctor: async () => (await import('./doctor.command.js')).runDoctorCommand,
};

const HELP = `Prongsai (โปร่งใส): การประเมินคุณธรรมและความโปร่งใส (ITA) / Integrity and Transparency Assessment

คำสั่ง / commands:
  prongsai demo                                   สร้างข้อมูลตัวอย่างแล้วเปิดระบบ / seed a demo ministry and serve it
  prongsai serve [--port N] [--host H]            เปิดระบบเว็บ / run the web application
  prongsai migrate                                ปรับโครงสร้างฐานข้อมูล / bring the database schema up to date
  prongsai doctor [--production]                  ตรวจความพร้อมของระบบ / check the installation and say what to fix
  prongsai backup FILE | restore FILE             สำรอง/กู้คืน SQLite / back up or restore SQLite
  prongsai audit verify [--checkpoints FILE]       ตรวจบันทึกการตรวจสอบ / verify the audit hash chain (and checkpoints)
  prongsai surveys reshuffle                      สลับลำดับคำตอบล่าสุด / rewrite recent answers in random order (PostgreSQL)
  prongsai audit checkpoint [--append FILE]       จุดตรวจบันทึก / print (and keep) the chain's head outside the database
  prongsai oit check-links [--round ID]           ตรวจลิงก์หลักฐาน OIT ที่ส่งแล้ว / re-check submitted OIT links
  prongsai files move-to-database [--delete]      ย้ายไฟล์จากดิสก์เข้า PostgreSQL / move uploaded files from disk into PostgreSQL
  prongsai framework list                         ฉบับเกณฑ์ที่มีให้ / bundled editions
  prongsai framework check FILE|ID                ตรวจไฟล์ฉบับเกณฑ์ / check an edition file
  prongsai framework diff A B                     เทียบสองฉบับ / compare two editions
  prongsai framework provisional FILE|ID          ส่วนที่ยังกำหนดชั่วคราว / provisional parts
  prongsai score --edition ID|FILE --input FILE [--format json|table] [--explain]
                                                  คำนวณคะแนน / score agencies
  prongsai reminders send                         ส่งอีเมลแจ้งเตือนงาน (วันละครั้ง) / e-mail overdue and due-soon work
  prongsai export open-data --year 2569 [--format csv|json] --out FILE
                                                  ข้อมูลเปิดผลที่เผยแพร่ทั้งปี / a year's published results as open data
  prongsai help                                   วิธีใช้ / this help
`;

/** Runs the `prongsai` command and returns its exit code (0 ok, 1 failed check or bad input, 2 usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const load =
      command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (load) return await (await load())(rest, io);
    if (command === 'migrate' || command === 'backup' || command === 'restore') {
      return await (await import('./db.command.js')).runDbCommand(command, rest, io);
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(HELP);
      return 0;
    }
    io.err(`ไม่รู้จักคำสั่ง "${command}" / unknown command "${command}"\n\n${HELP}`);
    return 2;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`✗ ${error.messages.th}\n✗ ${error.messages.en}\n`);
      return 1;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`${error.message}\n\n${HELP}`);
      return 2;
    }
    if (
      error instanceof Error &&
      'code' in error &&
      (error.code === 'ENOENT' || error.code === 'EACCES')
    ) {
      io.err(`✗ เปิดไฟล์ไม่ได้ / cannot open file: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
