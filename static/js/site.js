/* Site-wide behaviour shared by every page. The PWA work adds service-worker
   registration, update and install hints here. */
document.documentElement.classList.add("js");
