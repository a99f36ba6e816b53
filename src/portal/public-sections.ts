/**
 * Sections other features add to a unit's public page (/cong-khai/<unit>), so the portal does not
 * import them: each returns escaped HTML (or "" for nothing), and must never pass personal data
 * other than public office holders' names.
 */
import type { Ctx } from "../context.ts";
import type { UnitNode } from "../core/hierarchy.ts";
import type { Size } from "./pages.ts";

export type PublicSection = (ctx: Ctx, unit: UnitNode, size: Size) => Promise<string>;

export const publicSections: PublicSection[] = [];
