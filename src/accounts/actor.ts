/** Who is acting: a signed-in user, or the system itself (imports from the CLI, demo seeding). */
export type Role = "admin" | "reviewer" | "reporter" | "viewer";
export const ROLES: readonly Role[] = ["admin", "reviewer", "reporter", "viewer"];

export type Actor =
  | { kind: "user"; userId: number; username: string; displayName: string; role: Role; unitId: number }
  | { kind: "system"; name: string };

/** The actor for command-line and seeding work; it may do everything. */
export const SYSTEM: Actor = { kind: "system", name: "system" };
