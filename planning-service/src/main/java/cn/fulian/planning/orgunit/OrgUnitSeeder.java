package cn.fulian.planning.orgunit;

import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.InvalidRowsException;
import cn.fulian.starter.problem.RowProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * On a first start, registers the federation's tree from {@code fulian.federation.tree} (the demo city 福州市 unless
 * configured), checked as an import is; later starts leave the registry alone. A tree with errors stops the start,
 * listing each bad row.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgUnitSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitSeeder.class);

    private final OrgUnitService service;
    private final FederationProperties federation;

    OrgUnitSeeder(OrgUnitService service, FederationProperties federation) {
        this.service = service;
        this.federation = federation;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (service.count() > 0) {
            return;
        }
        Resource tree = federation.tree();
        ImportReport report = seed(service, tree, federation.rootCode());
        log.info("registered the {} org units of {}", report.toAdd(), tree.getDescription());
    }

    /** Reads and registers a tree file; a bad one fails with every problem in the message. */
    static ImportReport seed(OrgUnitService service, Resource tree) throws IOException {
        return seed(service, tree, null);
    }

    /** As {@link #seed(OrgUnitService, Resource)}, refusing a tree whose top unit is not {@code rootCode} (when set). */
    static ImportReport seed(OrgUnitService service, Resource tree, String rootCode) throws IOException {
        byte[] bytes;
        try (InputStream in = tree.getInputStream()) {
            bytes = in.readAllBytes();
        }
        try {
            List<TreeRow> rows = TreeFile.read(tree.getFilename(), null, bytes, TreeFile.Limits.SEED);
            if (rootCode != null && !rootCode.isBlank()) {
                String top = rows.stream()
                        .filter(r -> r.parentCode() == null && r.parentIndex() < 0)
                        .map(TreeRow::code)
                        .findFirst()
                        .orElse(null);
                if (!rootCode.equals(top)) {
                    throw new IllegalStateException(
                            "the federation tree " + tree.getDescription() + " has its top unit "
                                    + top + ", but the installation's settings name the root " + rootCode
                                    + "; nothing was registered");
                }
            }
            return service.seed(rows);
        } catch (InvalidFieldException e) {
            throw new IllegalStateException("the federation tree " + tree.getDescription() + " cannot be read: "
                    + e.messageZh() + " / " + e.messageEn());
        } catch (InvalidRowsException e) {
            List<RowProblem> problems = e.problems();
            problems.forEach(p -> log.error(
                    "federation tree {}: row {} {}: {} / {}",
                    tree.getFilename(),
                    p.row(),
                    p.field(),
                    p.message(),
                    p.messageEn()));
            throw new IllegalStateException("the federation tree " + tree.getDescription() + " has " + problems.size()
                    + " problems, nothing was registered:\n"
                    + problems.stream()
                            .map(p -> "  row " + p.row() + " " + p.field() + ": " + p.message() + " / " + p.messageEn())
                            .collect(Collectors.joining("\n")));
        }
    }
}
