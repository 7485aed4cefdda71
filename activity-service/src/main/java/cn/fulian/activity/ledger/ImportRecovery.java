package cn.fulian.activity.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At startup, finishes any ledger import a previous process died in the middle of. */
@Component
class ImportRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final LedgerImportService imports;

    ImportRecovery(LedgerImportService imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        int n = imports.completeUnfinished();
        if (n > 0) {
            log.info("completed {} half-written ledger import(s)", n);
        }
    }
}
