/**
 * `npm run atlas -- <command> ...`: the project's command line. Each command lives in its own module
 * and returns an exit code. (validate belongs to the data import work; geocode to the geocoder.)
 */
const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
	geocode: async () => (await import('./geocode')).geocodeCommand,
	validate: async () => async () => {
		console.error('validate: not on this branch yet');
		return 1;
	}
};

const [name, ...args] = process.argv.slice(2);
const load = name ? COMMANDS[name] : undefined;
if (!load) {
	console.error(`usage: npm run atlas -- <${Object.keys(COMMANDS).join('|')}> ...`);
	process.exit(1);
}
process.exit(await (await load())(args));
