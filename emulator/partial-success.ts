// `returnPartialSuccess` on list (v1alpha only; the v1 and v1beta pages predate it, so there it is
// an unknown parameter and ignored like any other). Google documents that it "can only be true when
// reading across collections (a parent such as projects/example/locations/-)" and that a server
// that does not support it answers UNIMPLEMENTED. This API's only list parent is `projects/{project}`,
// a single collection, so `true` is answered with UNIMPLEMENTED; `false` (the default) lists as usual
// and, as nothing is ever unreachable, no `unreachable` key is sent (proto3 JSON omits empty lists).

import { ApiError } from "./google-error.js";
import type { Version } from "./types.js";

/** Throws INVALID_ARGUMENT for a non-boolean value and UNIMPLEMENTED for `true`. */
export function checkReturnPartialSuccess(version: Version, project: string, raw: string | null): void {
  if (version !== "v1alpha" || raw === null) return;
  if (raw !== "true" && raw !== "false") {
    throw new ApiError(
      "INVALID_ARGUMENT",
      `Invalid value at 'return_partial_success' (TYPE_BOOL), ${JSON.stringify(raw)}: expected true or false.`,
    );
  }
  if (raw === "true") {
    throw new ApiError(
      "UNIMPLEMENTED",
      `returnPartialSuccess can only be true when reading across collections (a parent such as ` +
        `projects/example/locations/-); projects/${project} is a single collection.`,
    );
  }
}
