// The loader's limits on what a spec may make it read or build. Each is far above what a real API
// description needs, and low enough that a hostile or broken spec fails fast with a located error
// instead of exhausting memory.

/** Largest spec file read, in bytes. */
export const MAX_FILE_BYTES = 8 << 20;
/** Largest size a file's YAML may reach once its aliases are expanded, in (approximate) bytes. */
export const MAX_EXPANDED_BYTES = 64 << 20;
/** Deepest nesting of mappings and sequences in one file. */
export const MAX_DEPTH = 256;
/** The most entries the generator walks in one folder tree (spec, generator, output). */
export const MAX_ENTRIES = 10_000;
