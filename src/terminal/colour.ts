// Colour for the text verdict. chalk 5 follows FORCE_COLOR, --no-color and whether stdout is a
// terminal, but not NO_COLOR (no-color.org), so the caller's decision is applied here. Only the
// text renderer imports this (lazily): scripted --json and --help runs never load chalk.
import { Chalk, type ChalkInstance } from 'chalk';

export const paint = (colour: boolean): ChalkInstance => (colour ? new Chalk() : new Chalk({ level: 0 }));
