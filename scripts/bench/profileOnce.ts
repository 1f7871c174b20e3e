/** A single engine pipeline run on one file, for `node --cpu-prof` (see README, Performance). */
import { runEnginePipeline } from './enginePipeline';

const [file, analysisDate] = process.argv.slice(2);
runEnginePipeline(file, analysisDate).then((result) => console.log(JSON.stringify(result.seconds)));
