/** Types of chromium.mjs (plain JS so that scripts/ and the bench load it without a TypeScript step). */
export declare const chromiumPath: string;
export declare const chromiumArgs: readonly string[];
export declare function chromiumLaunchOptions(): { executablePath: string; args: string[] };
