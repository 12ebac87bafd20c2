// The OCPI 2.2.1 example objects are fixtures kept outside the repository (they may not be
// modified or redistributed as part of it): tests read them in place, by path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OcpiTariff } from './tariff-model.js';

const DEFAULT_DIR = fileURLToPath(new URL('../../../../../shared/ocpi-2.2.1-examples/', import.meta.url));

export function ocpiExamplesDir(): string {
  return process.env.CHARGEOPS_OCPI_EXAMPLES ?? DEFAULT_DIR;
}

export function loadOcpiExample(file: string): OcpiTariff {
  return JSON.parse(readFileSync(`${ocpiExamplesDir()}/${file}`, 'utf8')) as OcpiTariff;
}
