/** The version of ee-operations-client, as its package.json says (a test keeps them equal). */
export const CLIENT_VERSION = "0.1.0";
