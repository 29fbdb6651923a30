export interface SeedProgram {
	programId: number;
	programName: string;
	programDescription: string;
	pointsToCurrencyRatio: number;
	isDefault: boolean;
}

export const PROGRAMS: readonly SeedProgram[] = [
	{
		programId: 469,
		programName: 'Demo Rewards',
		programDescription: 'Default loyalty program of the sandbox org',
		pointsToCurrencyRatio: 1,
		isDefault: true,
	},
	{
		programId: 2714,
		programName: 'Gold Club',
		programDescription: 'Premium program for gold members',
		pointsToCurrencyRatio: 0.5,
		isDefault: false,
	},
	{
		programId: 3001,
		programName: 'Staff Perks',
		programDescription: 'Program with no promotions',
		pointsToCurrencyRatio: 1,
		isDefault: false,
	},
];

const programsById = new Map(PROGRAMS.map((program) => [program.programId, program]));

export function findProgram(programId: number): SeedProgram | undefined {
	return programsById.get(programId);
}
