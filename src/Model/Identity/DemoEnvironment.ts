import { inject, injectable } from 'inversify';
import type { CustomerRepositoryInterface } from '../../Api/Customer/CustomerRepositoryInterface.ts';
import type { ConfigWriterInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { SetAssistance } from '../LoginAsCustomer/SetAssistance.ts';
import { DemoSeeder, type DemoCredentials } from './DemoSeeder.ts';

/**
 * The embedded first start: seeds the demo admin and customer, switches Login as Customer on and
 * records the demo customer's opt-in, so the README's curl walk-through works as written.
 * Never runs against MySQL (a real Magento's data is left alone).
 */
@injectable()
export class DemoEnvironment {
  constructor(
    @inject(DemoSeeder) private readonly seeder: DemoSeeder,
    @inject(TYPES.ConfigWriter) private readonly config: ConfigWriterInterface,
    @inject(TYPES.CustomerRepository) private readonly customers: CustomerRepositoryInterface,
    @inject(SetAssistance) private readonly assistance: SetAssistance,
  ) {}

  /** Returns the credentials when this call seeded them, null when the database was already set up. */
  async prepare(): Promise<DemoCredentials | null> {
    const seeded = await this.seeder.seed();
    if (!seeded) return null;
    await this.config.save('login_as_customer/general/enabled', '1');
    const customer = await this.customers.get(seeded.customer.email, 1);
    if (customer.id !== undefined) await this.assistance.execute(customer.id, true);
    return seeded;
  }
}
