package cn.fulian.activity.ledger.web;

import cn.fulian.activity.config.InvalidRequestException;
import cn.fulian.activity.ledger.ImportResult;
import cn.fulian.activity.ledger.LedgerImportService;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("${fulian.api-prefix}/ledger")
@Tag(name = "台账导入 / Ledger import")
class LedgerController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerImportService imports;

    LedgerController(LedgerImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/template")
    @Operation(summary = "下载活动台账模板 / download the ledger template", description = "给出 year 时,填写说明中列出本单位该年度可计入的任务分配编号")
    ResponseEntity<byte[]> template(OrgScope scope, @RequestParam(required = false) Integer year) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("活动台账模板.xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(imports.template(scope, year));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "导入活动台账(全部成功或全部不导入) / import a ledger sheet, all or nothing",
            description = "表单字段 file;任何一行有误返回400及逐行错误(rows),不保存任何数据")
    ResponseEntity<ImportResult> importSheet(OrgScope scope, @RequestPart("file") MultipartFile file) {
        return ResponseEntity.status(201).body(imports.importSheet(scope, file.getOriginalFilename(), bytes(file)));
    }

    @GetMapping("/imports/{batchId}")
    @Operation(summary = "导入批次 / one import batch")
    ImportResult batch(OrgScope scope, @PathVariable String batchId) {
        return imports.batch(scope, batchId);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw InvalidRequestException.of("file", "文件读取失败", "the file could not be read");
        }
    }
}
