/**
 * `npx tsx scripts/generate-sample-data.ts`: writes the sample shop's orders, survey answers and events
 * into examples/data/ (devkit/synthetic/sampleShop.ts says what they hold). Deterministic.
 */
import * as fs from 'fs';
import * as path from 'path';
import { events, generate, survey } from '../devkit/synthetic/sampleShop';

const out = path.join(__dirname, '../examples/data/sample-orders.csv');
fs.writeFileSync(out, generate());
const lines = fs.readFileSync(out, 'utf8').trim().split('\n').length - 1;
console.log(`wrote ${path.relative(process.cwd(), out)}: ${lines} rows`);
const surveyOut = path.join(__dirname, '../examples/data/sample-survey.csv');
fs.writeFileSync(surveyOut, survey(fs.readFileSync(out, 'utf8')));
console.log(`wrote ${path.relative(process.cwd(), surveyOut)}: ${fs.readFileSync(surveyOut, 'utf8').trim().split('\n').length - 1} answers`);
const eventsOut = path.join(__dirname, '../examples/data/sample-events.csv');
fs.writeFileSync(eventsOut, events(fs.readFileSync(out, 'utf8')));
console.log(`wrote ${path.relative(process.cwd(), eventsOut)}: ${fs.readFileSync(eventsOut, 'utf8').trim().split('\n').length - 1} events`);
