// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('carvel_deployment_history', table => {
    table.comment(
      'Transitions of PackageInstalls to a settled (version, status), one row per cluster x PackageInstall x transition',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('name', 253).notNullable();
    table.string('package_name', 253).notNullable();
    table.string('from_version', 128).nullable();
    table.string('to_version', 128).nullable();
    table.string('status', 32).notNullable();
    table.string('commit', 64).nullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.integer('lead_time_seconds').nullable();
    table
      .string('transition_id', 512)
      .notNullable()
      .comment(
        'Derived from the observed object, the same on every backend instance',
      );
    table.unique(['cluster', 'namespace', 'name', 'transition_id'], {
      indexName: 'carvel_deployment_history_transition_uniq',
    });
    table.index(
      ['package_name', 'at'],
      'carvel_deployment_history_package_at_idx',
    );
    table.index(['at'], 'carvel_deployment_history_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('carvel_deployment_history');
};
