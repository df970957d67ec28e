// Component tests: jest-dom's matchers, and room for the in-process engine, which on a busy
// machine can take a while to produce a frame.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });
