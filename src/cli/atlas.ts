/**
 * `npm run atlas -- <command> ...`: the project's command line. Each command lives in its own module
 * and returns an exit code. (validate belongs to the data import work; geocode to the geocoder.)
 */
type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
	aggregate: async () => (await import('./aggregate')).aggregateCommand,
	geocode: async () => (await import('./geocode')).geocodeCommand,
	validate: async () => (await import('./validate')).validateCommand
};

const [commandName, ...commandArgs] = process.argv.slice(2);
const load = commandName ? COMMANDS[commandName] : undefined;
if (!load) {
	console.error(`usage: npm run atlas -- <${Object.keys(COMMANDS).join('|')}> ...`);
	process.exit(1);
}
process.exit(await (await load())(commandArgs));
export {};
