/** What a service call ends in, as a test compares it: "ok", or the stable code of its DomainError. */
import { DomainError } from "../core/errors.ts";

export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}
