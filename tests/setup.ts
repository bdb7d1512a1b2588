/** Runs before every test file: the disk is the core's files, and whatever tempDir() made is removed after the file's last test. */
import { afterAll } from 'vitest';
import { useNodeFiles } from '../src/node/files.js';
import { removeTempDirs } from './helpers.js';

useNodeFiles();
afterAll(removeTempDirs);
