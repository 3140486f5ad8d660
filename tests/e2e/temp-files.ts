/** Each test file removes the files it wrote to upload, so runs leave nothing in the system's temp directory. */
import { afterAll } from 'vitest';
import { removeTempFiles } from './support';

afterAll(removeTempFiles);
