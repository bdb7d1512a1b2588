/** The package's version, as package.json gives it (a test checks they agree): recorded in every manifest. */
export const VERSION = '0.1.0';
