/**
 * `npm run atlas -- <command> ...`: the project's command line. Each command lives in its own module
 * and returns an exit code. (validate belongs to the data import work; geocode to the geocoder.)
 */
// A module (not a script): top-level await, and `name` does not clash with the DOM global.
export {};

const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
	geocode: async () => (await import('./geocode')).geocodeCommand,
	validate: async () => (await import('./validate')).validateCommand
};

const [name, ...args] = process.argv.slice(2);
const load = name ? COMMANDS[name] : undefined;
if (!load) {
	console.error(`usage: npm run atlas -- <${Object.keys(COMMANDS).join('|')}> ...`);
	process.exit(1);
}
process.exit(await (await load())(args));
