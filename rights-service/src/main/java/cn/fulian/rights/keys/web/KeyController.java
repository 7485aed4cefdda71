package cn.fulian.rights.keys.web;

import cn.fulian.rights.keys.KeyRotation;
import cn.fulian.rights.keys.KeyRotation.KeyRing;
import cn.fulian.rights.keys.KeyRotation.ReEncryption;
import cn.fulian.starter.scope.OrgScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The personal-data key ring and the re-encryption after a rotation, for administrators. */
@RestController
@RequestMapping("${fulian.api-prefix}/keys")
class KeyController {

    private final KeyRotation rotation;

    KeyController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    KeyRing keyRing(OrgScope scope) {
        return rotation.keyRing(scope);
    }

    @PostMapping("/re-encrypt")
    ReEncryption reEncrypt(OrgScope scope) {
        return rotation.reEncrypt(scope);
    }
}
