/**
 * The version of the workflow document this build writes; older ones are migrated on load.
 * Kept apart from the schemas so the renderer can read it without bundling zod.
 */
export const WORKFLOW_SCHEMA_VERSION = 1
