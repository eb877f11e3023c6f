/**
 * The `atlas` command: `npm run atlas -- <subcommand> ...`. Each subcommand is one entry in
 * COMMANDS; add yours there (usage line + run function returning the exit code).
 */
import { readFileSync, statSync } from 'node:fs';
import { importBytes } from '../lib/core/data/import';

interface Command {
	usage: string;
	summary: string;
	run(args: string[]): Promise<number> | number;
}

/** Prints the validation report of a member list (CSV, GeoJSON or JSON) as JSON. Exit 1 when the file cannot be read. */
function validate(args: string[]): number {
	const file = args.find((a) => !a.startsWith('-'));
	if (!file) {
		console.error(`usage: ${COMMANDS.validate!.usage}`);
		return 2;
	}
	let bytes: Uint8Array;
	try {
		if (!statSync(file).isFile()) throw new Error('not a regular file');
		bytes = new Uint8Array(readFileSync(file));
	} catch (e) {
		console.log(JSON.stringify({ file, errors: [`cannot read the file: ${(e as Error).message}`] }, null, 2));
		return 1;
	}
	const { report } = importBytes(bytes, { fileName: file });
	console.log(JSON.stringify(report, null, 2));
	return report.errors.length ? 1 : 0;
}

const COMMANDS: Record<string, Command> = {
	validate: {
		usage: 'atlas validate <file>',
		summary: 'validation report (rows read, accepted, rejected with row, field and reason) as JSON; exit 1 if the file cannot be read',
		run: validate
	}
};

function help(): string {
	return ['usage: npm run atlas -- <command> [args]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(help());
		return name ? 0 : 2;
	}
	const command = COMMANDS[name];
	if (!command) {
		console.error(`unknown command '${name}'\n\n${help()}`);
		return 2;
	}
	try {
		return await command.run(args);
	} catch (e) {
		console.error(`atlas ${name}: ${(e as Error).message}`);
		return 1;
	}
}

process.exitCode = await main(process.argv.slice(2));
