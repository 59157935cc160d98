// Colour, decided once. chalk 5 follows FORCE_COLOR, --no-color and whether the stream is a
// terminal, but not NO_COLOR (no-color.org), so that is handled here. Only the text renderer and
// the prompt import this (both lazily): scripted --json and --help runs never load chalk.
import { Chalk, chalkStderr, type ChalkInstance } from 'chalk';

/** A chalk for stdout, or for stderr when prompts are shown there; level 0 when colour is off. */
export const paint = (colour: boolean, stream: 'stdout' | 'stderr' = 'stdout'): ChalkInstance =>
  colour ? (stream === 'stdout' ? new Chalk() : chalkStderr) : new Chalk({ level: 0 });
