package cn.fulian.activity.ledger;

import cn.fulian.activity.activity.ActivityService;
import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.CatalogueService;
import cn.fulian.activity.config.ActivityProperties;
import cn.fulian.activity.config.InvalidRequestException;
import cn.fulian.activity.config.InvalidRequestException.RowProblem;
import cn.fulian.activity.config.InvalidRequestException.RowReport;
import cn.fulian.activity.config.PayloadTooLargeException;
import cn.fulian.activity.config.StaffOnly;
import cn.fulian.activity.evidence.EvidenceKind;
import cn.fulian.activity.evidence.FileSniffer;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.FieldProblem;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Imports a unit's ledger (台账) sheet all or nothing: every row is read and checked against the same rules as a single
 * activity; any problem answers 400 with a per-row report and stores nothing. Only a clean sheet is written, through
 * an import batch that can be finished after a crash (see {@link ImportBatch}).
 */
@Service
public class LedgerImportService {

    private static final Logger log = LoggerFactory.getLogger(LedgerImportService.class);

    private final ImportBatchRepository batches;
    private final MongoTemplate mongo;
    private final ActivityService activities;
    private final CatalogueService catalogue;
    private final AssignmentDirectory assignments;
    private final ActivityProperties properties;
    private final Clock clock = Clock.systemUTC();

    LedgerImportService(
            ImportBatchRepository batches,
            MongoTemplate mongo,
            ActivityService activities,
            CatalogueService catalogue,
            AssignmentDirectory assignments,
            ActivityProperties properties) {
        this.batches = batches;
        this.mongo = mongo;
        this.activities = activities;
        this.catalogue = catalogue;
        this.assignments = assignments;
        this.properties = properties;
    }

    /** The template workbook; with a year, it also lists the assignments the caller's unit may count toward. */
    public byte[] template(OrgScope scope, Integer year) {
        return LedgerTemplate.build(
                catalogue.catalogue(), year == null ? List.of() : assignments.linkable(scope.unit(), year));
    }

    public ImportResult importSheet(OrgScope scope, String fileName, byte[] content) {
        StaffOnly.require(scope, "导入台账");
        long limit = properties.evidenceMaxFileSize().toBytes();
        if (content.length == 0) {
            throw InvalidRequestException.of("file", "文件为空", "the file is empty");
        }
        if (content.length > limit) {
            throw new PayloadTooLargeException("file", limit);
        }
        if (FileSniffer.sniff(content).filter(k -> k == EvidenceKind.XLSX).isEmpty()) {
            throw InvalidRequestException.of(
                    "file", "不是有效的Excel(.xlsx)文件,请使用下载的模板", "not an .xlsx workbook; use the template");
        }
        String sha = sha256(content);
        batches.findByUnitPathAndSha256(scope.unit().value(), sha).ifPresent(b -> {
            throw new ConflictException("该台账文件已导入(批次 " + b.id() + ") / this file was already imported as " + b.id());
        });

        Catalogue c = catalogue.catalogue();
        LedgerColumns columns = new LedgerColumns(c);
        List<LedgerRow> rows = read(columns, c, content);
        List<RowReport> reports = new ArrayList<>();
        List<FieldProblem> flat = new ArrayList<>();
        for (LedgerRow row : rows) {
            List<FieldProblem> problems = new ArrayList<>(row.unreadable());
            activities.check(scope.unit(), row.draft(), c, Set.of(), true).stream()
                    .filter(p ->
                            row.unreadable().stream().noneMatch(u -> u.field().equals(p.field())))
                    .forEach(problems::add);
            if (!problems.isEmpty()) {
                reports.add(new RowReport(
                        row.row(),
                        problems.stream()
                                .map(p -> new RowProblem(
                                        columns.headingOf(p.field()), p.field(), p.message(), p.messageEn()))
                                .toList()));
                problems.forEach(p -> flat.add(new FieldProblem(
                        "rows[" + row.row() + "]." + p.field(),
                        "第" + row.row() + "行“" + columns.headingOf(p.field()) + "”:" + p.message(),
                        "row " + row.row() + ": " + p.messageEn())));
            }
        }
        if (!reports.isEmpty()) {
            throw new InvalidRequestException(flat, reports);
        }

        String batchId = "imp-" + UUID.randomUUID();
        List<ImportBatch.Row> checked = rows.stream()
                .map(r -> new ImportBatch.Row(r.row(), batchId + "-r" + r.row(), r.draft()))
                .toList();
        ImportBatch batch = batches.insert(new ImportBatch(
                batchId,
                scope.unit().value(),
                fileName,
                sha,
                ImportBatch.Status.WRITING,
                checked,
                scope.username(),
                clock.instant(),
                null));
        return ImportResult.of(complete(batch));
    }

    public ImportResult batch(OrgScope scope, String batchId) {
        ImportBatch b = batches.findById(batchId).orElseThrow(() -> new NotFoundException("导入批次 " + batchId));
        scope.requireVisible(OrgPath.of(b.unitPath()), "导入批次 " + batchId);
        return ImportResult.of(b);
    }

    /** Finishes batches a crashed process left half-written; safe to run while another instance imports. */
    public int completeUnfinished() {
        List<ImportBatch> unfinished = batches.findByStatus(ImportBatch.Status.WRITING);
        unfinished.forEach(this::complete);
        return unfinished.size();
    }

    ImportBatch complete(ImportBatch batch) {
        Catalogue c = catalogue.catalogue();
        int inserted = 0;
        for (ImportBatch.Row row : batch.rows()) {
            boolean added = activities.recordChecked(
                    row.activityId(),
                    OrgPath.of(batch.unitPath()),
                    c.type(row.draft().type()).orElseThrow(),
                    row.draft(),
                    batch.importedBy(),
                    batch.startedAt(),
                    batch.id());
            inserted += added ? 1 : 0;
        }
        Instant done = clock.instant();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(batch.id())),
                new Update().set("status", ImportBatch.Status.COMPLETE).set("completedAt", done),
                ImportBatch.class);
        if (inserted < batch.rows().size()) {
            log.info(
                    "import batch {} completed: {} of {} rows were already stored",
                    batch.id(),
                    batch.rows().size() - inserted,
                    batch.rows().size());
        }
        return batches.findById(batch.id()).orElseThrow();
    }

    private List<LedgerRow> read(LedgerColumns columns, Catalogue c, byte[] content) {
        List<LedgerRow> rows;
        try {
            rows = new LedgerReader(columns, c).read(content, properties.ledgerMaxRows());
        } catch (LedgerReader.WrongColumns e) {
            throw new InvalidRequestException(e.problems);
        } catch (IOException | RuntimeException unreadable) {
            throw InvalidRequestException.of("file", "Excel文件无法读取,请使用下载的模板", "the workbook cannot be read");
        }
        if (rows.isEmpty()) {
            throw InvalidRequestException.of("file", "表中没有数据行", "the sheet has no data rows");
        }
        return rows;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
