package cn.fulian.activity.evidence;

import cn.fulian.activity.activity.Activity;
import cn.fulian.activity.activity.ActivityService;
import cn.fulian.activity.activity.EvidenceFile;
import cn.fulian.activity.config.ActivityProperties;
import cn.fulian.activity.config.InvalidRequestException;
import cn.fulian.activity.config.PayloadTooLargeException;
import cn.fulian.activity.config.StaffOnly;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgScope;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files (sign-in sheets, photos, PDFs) in the service's own database through GridFS. The bytes are stored
 * first and then listed on the activity; if listing fails (a concurrent edit, the file limit) the bytes are removed
 * again, so an activity never lists a file that is not there.
 */
@Service
public class EvidenceService {

    /** A stored file ready to be streamed back. */
    public record Download(EvidenceFile file, InputStream content) {}

    private final GridFsTemplate gridFs;
    private final ActivityService activities;
    private final ActivityProperties properties;
    private final Clock clock = Clock.systemUTC();

    EvidenceService(GridFsTemplate gridFs, ActivityService activities, ActivityProperties properties) {
        this.gridFs = gridFs;
        this.activities = activities;
        this.properties = properties;
    }

    public EvidenceFile upload(OrgScope scope, String activityId, MultipartFile upload) {
        StaffOnly.require(scope, "上传佐证材料");
        Activity activity = activities.own(scope, activityId);
        byte[] content = bytes(upload);
        EvidenceKind kind = accept(upload.getOriginalFilename(), content);
        String name = safeName(upload.getOriginalFilename(), kind);
        Document metadata = new Document("activityId", activityId)
                .append("unitPath", activity.unit().value())
                .append("kind", kind.name())
                .append("uploadedBy", scope.username());
        ObjectId id = gridFs.store(new ByteArrayInputStream(content), name, kind.contentType(), metadata);
        EvidenceFile file = new EvidenceFile(
                id.toHexString(),
                name,
                kind.name(),
                kind.contentType(),
                content.length,
                sha256(content),
                scope.username(),
                clock.instant());
        try {
            activities.attach(scope, activityId, file, properties.evidenceMaxFiles());
        } catch (RuntimeException e) {
            gridFs.delete(byId(file.fileId()));
            throw e;
        }
        return file;
    }

    public Download download(OrgScope scope, String activityId, String fileId) {
        EvidenceFile file = activities.get(scope, activityId).evidenceFile(fileId);
        GridFSFile stored = gridFs.findOne(byId(fileId));
        if (stored == null) {
            throw new NotFoundException("佐证材料 " + fileId);
        }
        try {
            return new Download(file, gridFs.getResource(stored).getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(OrgScope scope, String activityId, String fileId) {
        EvidenceFile file = activities.detach(scope, activityId, fileId);
        gridFs.delete(byId(file.fileId()));
    }

    /** The kind of an acceptable file: not empty, within the size limit, of an allowed kind, named as what it is. */
    EvidenceKind accept(String fileName, byte[] content) {
        long limit = properties.evidenceMaxFileSize().toBytes();
        if (content.length == 0) {
            throw InvalidRequestException.of("file", "文件为空", "the file is empty");
        }
        if (content.length > limit) {
            throw new PayloadTooLargeException("file", limit);
        }
        String allowed = String.join("、", properties.evidenceTypes());
        EvidenceKind kind = FileSniffer.sniff(content)
                .filter(k -> properties.evidenceTypes().contains(k.name()))
                .orElseThrow(() -> InvalidRequestException.of(
                        "file",
                        "不支持的文件类型,只接受 " + allowed + " 文件(按文件内容判断)",
                        "only " + allowed + " files are accepted, judged by their content"));
        String ext = FileSniffer.extension(fileName);
        if (!kind.hasExtension(ext)) {
            throw InvalidRequestException.of(
                    "file",
                    "文件扩展名“." + ext + "”与文件内容(" + kind.label() + ")不符",
                    "the extension ." + ext + " does not match the content (" + kind.name() + ")");
        }
        return kind;
    }

    private static String safeName(String original, EvidenceKind kind) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .trim();
        if (name.isEmpty()) {
            name = "evidence." + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static byte[] bytes(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw InvalidRequestException.of("file", "文件读取失败", "the file could not be read");
        }
    }

    private static Query byId(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            throw new NotFoundException("佐证材料 " + fileId);
        }
        return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
