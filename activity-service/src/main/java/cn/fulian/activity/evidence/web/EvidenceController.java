package cn.fulian.activity.evidence.web;

import cn.fulian.activity.activity.web.ActivityView.EvidenceView;
import cn.fulian.activity.evidence.EvidenceService;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("${fulian.api-prefix}/{id:act-.+}/evidence")
@Tag(name = "佐证材料 / Evidence")
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "上传佐证材料 / attach a photo or document",
            description = "表单字段 file;接受 JPG、PNG、PDF、DOCX、XLSX(按文件内容判断),单个文件不超过10MB")
    ResponseEntity<EvidenceView> upload(
            OrgScope scope, @PathVariable String id, @RequestPart("file") MultipartFile file) {
        return ResponseEntity.status(201).body(EvidenceView.of(evidence.upload(scope, id, file)));
    }

    @GetMapping("/{fileId}")
    @Operation(summary = "下载佐证材料 / download an evidence file")
    ResponseEntity<InputStreamResource> download(OrgScope scope, @PathVariable String id, @PathVariable String fileId) {
        EvidenceService.Download d = evidence.download(scope, id, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.file().contentType()))
                .contentLength(d.file().size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.file().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(d.content()));
    }

    @DeleteMapping("/{fileId}")
    @Operation(summary = "删除佐证材料 / remove an evidence file")
    ResponseEntity<Void> delete(OrgScope scope, @PathVariable String id, @PathVariable String fileId) {
        evidence.delete(scope, id, fileId);
        return ResponseEntity.noContent().build();
    }
}
