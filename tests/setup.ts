/** Runs before every test file: whatever tempDir() made is removed after the file's last test. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
