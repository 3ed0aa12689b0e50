import { InvalidNameError } from "./errors.js";
import { LEGACY_PROJECT } from "./headers.js";
import { type MethodBinding, requestPath, TASK_ID } from "./resource-name.js";

const FULL: MethodBinding = {
  id: "operationName",
  template: "{name=projects/*/operations/**}",
  parsedTemplate: { parts: [["name", ["projects", "*", "operations", "**"]]], verb: null },
};

/**
 * A full operation name from an Earth Engine task id (`6XGCJ4JK5QWZ3MZDDAD2CBEP` →
 * `projects/earthengine-legacy/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP`); a full name passes through.
 * Anything else throws InvalidNameError.
 */
export function operationName(taskIdOrName: string, project: string = LEGACY_PROJECT): string {
  if (typeof taskIdOrName === "string" && taskIdOrName.includes("/")) {
    requestPath(FULL, { name: taskIdOrName });
    return taskIdOrName;
  }
  if (typeof taskIdOrName !== "string" || !TASK_ID.test(taskIdOrName)) {
    throw new InvalidNameError({
      field: "taskIdOrName",
      pattern: "a task id ([A-Za-z0-9_-]+) or projects/*/operations/**",
      template: FULL.template,
      value: taskIdOrName,
      reason: "it is neither a task id nor an operation name",
    });
  }
  const name = `projects/${project}/operations/${taskIdOrName}`;
  requestPath(FULL, { name });
  return name;
}

/**
 * The task id of an operation name: what follows `projects/<project>/operations/`
 * (`projects/p/operations/6XGC…` → `6XGC…`); a bare task id passes through. Anything else throws
 * InvalidNameError.
 */
export function taskId(name: string): string {
  // Checked against projects/*/operations/**: segments 0–2 are projects, the project and operations.
  return operationName(name).split("/").slice(3).join("/");
}
