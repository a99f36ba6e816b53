/**
 * The reader's figures as a reviewer sees them, for the rule tests: "value[/of] unit → indicator"
 * ("trên 12/15 xã → …" with `qualifier`). Every sentence those tests read is made up.
 */
import { extractFigures } from "../extract/extract.ts";

export const seenFigures = (s: string, opts: { qualifier?: boolean } = {}): string[] =>
  extractFigures(s).map((f) => `${opts.qualifier && f.qualifier ? f.qualifier + " " : ""}${f.value}${f.of !== null ? "/" + f.of : ""} ${f.unit ?? "-"} → ${f.indicator ?? "-"}`);
