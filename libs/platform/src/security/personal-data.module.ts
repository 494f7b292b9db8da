import { Module } from '@nestjs/common';
import { PiiCipher } from './pii-cipher';

/**
 * Personal data at rest: the cipher (and keyed identity hash) every context that stores or
 * reads people's details uses, so all of them share one key and one format.
 */
@Module({ providers: [PiiCipher], exports: [PiiCipher] })
export class PersonalDataModule {}
