package cn.fulian.rights.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cipher is built at startup so a missing or malformed key ring stops the service at once, before any case can be
 * written unprotected or read undecryptable.
 */
@Configuration(proxyBeanMethods = false)
public class EncryptionConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(
            @Value("${fulian.rights.encryption-key:}") String key,
            @Value("${fulian.rights.encryption-keys:}") String moreKeys,
            @Value("${fulian.rights.encryption-key-current:k1}") String currentKeyId,
            @Value("${fulian.rights.match-key-id:k1}") String matchKeyId) {
        return PersonalDataCipher.fromSettings(key, moreKeys, currentKeyId, matchKeyId);
    }
}
