/**
 * `npm start`: builds the React app when its sources are newer than the last
 * build, then starts the server (which starts its own services).
 */
import { main } from '../server/src/main';
import { buildClientIfStale } from './lib/client';

if (process.env.SKIP_CLIENT_BUILD !== '1') buildClientIfStale();
void main();
