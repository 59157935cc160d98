// The hash that ties a translation to the English it was made from: the first 12 hexadecimal
// digits of the SHA-256 of the English text in UTF-8, which anyone can recompute
// (`printf %s 'Where do you live?' | sha256sum | cut -c1-12`). 48 bits make a collision among a
// tree's few thousand texts about as likely as one in 10^8.
import { createHash } from 'node:crypto';
import { englishText, type Message } from '../core/catalogue.js';

export const hashText = (english: Message): string => createHash('sha256').update(englishText(english), 'utf8').digest('hex').slice(0, 12);
