/**
 * PDF from the .docx through LibreOffice headless (offices print and sign PDFs). Each conversion
 * runs in its own temporary directory and LibreOffice profile, so two at once do not collide.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DomainError } from "../core/errors.ts";

const run = promisify(execFile);

/** LibreOffice's program names (Debian installs both); the first one found on the PATH runs. */
const PROGRAMS = ["soffice", "libreoffice"];

/** Converts .docx bytes to PDF bytes; a clear error naming the Debian package when LibreOffice is missing. */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const dir = mkdtempSync(join(tmpdir(), "danvan-pdf-"));
  try {
    const src = join(dir, "bao-cao.docx");
    writeFileSync(src, docx);
    const args = [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, src];
    let ran = false;
    for (const program of PROGRAMS) {
      try {
        await run(program, args, { timeout: 180_000 });
        ran = true;
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new DomainError("PDF_FAILED", "LibreOffice không chuyển được văn bản sang PDF; hãy tải bản Word (.docx).");
      }
    }
    if (!ran) {
      throw new DomainError("PDF_UNAVAILABLE", "Máy chủ chưa cài LibreOffice nên chưa tạo được tệp PDF. Quản trị viên cài gói Debian libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui) rồi thử lại; trong lúc chờ, hãy tải bản Word (.docx).", { package: "libreoffice-writer-nogui" });
    }
    const out = join(dir, "bao-cao.pdf");
    if (!existsSync(out)) throw new DomainError("PDF_FAILED", "LibreOffice không chuyển được văn bản sang PDF; hãy tải bản Word (.docx).");
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
