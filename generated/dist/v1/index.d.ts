export * from "./client.js";
export { methods } from "./methods.js";
export type { components, paths } from "./types.js";
